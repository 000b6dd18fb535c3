package dev.steward.app.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The dashboard as a test sees it in the browser: what a user would read and click, found by its markup. */
final class DashboardScreen {

	static final Duration PATIENCE = Duration.ofSeconds(15);

	final WebDriver browser;

	private final String url;

	DashboardScreen(WebDriver browser, int port) {
		this.browser = browser;
		this.url = "http://localhost:" + port + DashboardPage.PATH;
	}

	DashboardScreen open() {
		browser.get(url);
		return this;
	}

	DashboardScreen signIn(String token) {
		WebElement field = browser.findElement(By.id("token"));
		field.clear();
		field.sendKeys(token);
		browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
		return this;
	}

	/** Signs in and waits for the live connection. */
	DashboardScreen signedInAs(String token) {
		open().signIn(token);
		await(PATIENCE, driver -> "live".equals(connectionState()));
		return this;
	}

	/** Picks the world's own scope and waits until the page shows it, subscribed. */
	DashboardScreen showWorld(String worldId) {
		await(PATIENCE, driver -> new Select(browser.findElement(By.id("world"))).getOptions()
			.stream()
			.anyMatch(option -> worldId.equals(option.getAttribute("value"))));
		Select select = new Select(browser.findElement(By.id("world")));
		if (worldId.equals(select.getFirstSelectedOption().getAttribute("value"))) {
			browser.findElement(By.cssSelector("#scope-form button[type=submit]")).click();
		}
		else {
			select.selectByValue(worldId);
		}
		await(PATIENCE, driver -> (worldId + "|").equals(browser.findElement(By.id("worlds")).getAttribute("data-scope")));
		return this;
	}

	/** Shows a client profile's scope of the world and waits until the page shows it, subscribed. */
	DashboardScreen showClientProfile(String worldId, String clientProfile) {
		showWorld(worldId);
		WebElement field = browser.findElement(By.id("client-profile"));
		field.clear();
		field.sendKeys(clientProfile);
		browser.findElement(By.cssSelector("#scope-form button[type=submit]")).click();
		await(PATIENCE, driver -> (worldId + "|" + clientProfile)
			.equals(browser.findElement(By.id("worlds")).getAttribute("data-scope")));
		return this;
	}

	String connectionState() {
		return browser.findElement(By.id("connection")).getAttribute("data-state");
	}

	int reconnects() {
		return Integer.parseInt(browser.findElement(By.id("connection")).getAttribute("data-reconnects"));
	}

	/** The effective activations table's row of a policy, or null. */
	WebElement activationRow(String policyId) {
		return browser.findElements(By.cssSelector("#activations tbody tr[data-policy]"))
			.stream()
			.filter(row -> policyId.equals(row.getAttribute("data-policy")))
			.findFirst()
			.orElse(null);
	}

	List<WebElement> timelineRows() {
		return browser.findElements(By.cssSelector("#timeline-table tbody tr[data-event]"));
	}

	List<Long> timelineEvents() {
		return timelineRows().stream().map(row -> Long.parseLong(row.getAttribute("data-event"))).toList();
	}

	List<WebElement> rollbackButtons() {
		return browser.findElements(By.cssSelector("#timeline-table button.rollback"));
	}

	/** The tail of a context, once the page has built it (it does so after asking for the tails). */
	WebElement tail(String context) {
		await(PATIENCE, driver -> !driver.findElements(By.id("tail-" + context)).isEmpty());
		return browser.findElement(By.id("tail-" + context));
	}

	List<Long> tailSequences(String context) {
		return tail(context).findElements(By.cssSelector("tbody tr[data-sequence]"))
			.stream()
			.map(row -> Long.parseLong(row.getAttribute("data-sequence")))
			.toList();
	}

	int activityTotal(String context) {
		WebElement row = browser.findElement(By.cssSelector("#activity-charts .activity-row[data-context='" + context + "']"));
		return Integer.parseInt(row.getAttribute("data-total"));
	}

	Object script(String code) {
		return ((JavascriptExecutor) browser).executeScript(code);
	}

	/** Sizes the window so that the page itself gets {@code width} × {@code height} CSS pixels. */
	void viewport(int width, int height) {
		browser.manage().window().setSize(new Dimension(width, height));
		long innerWidth = (Long) script("return window.innerWidth");
		long innerHeight = (Long) script("return window.innerHeight");
		browser.manage()
			.window()
			.setSize(new Dimension(width + (int) (width - innerWidth), height + (int) (height - innerHeight)));
	}

	/** Waits for the condition, reading again whatever the page re-rendered meanwhile. */
	<T> T await(Duration timeout, Function<WebDriver, T> condition) {
		return new WebDriverWait(browser, timeout, Duration.ofMillis(25)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}
}
