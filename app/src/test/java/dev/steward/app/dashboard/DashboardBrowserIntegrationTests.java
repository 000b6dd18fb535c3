package dev.steward.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.Callers;
import dev.steward.app.Chromium;
import dev.steward.app.GraphQlHttp;
import dev.steward.app.security.ApiTokens;
import dev.steward.app.security.Role;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The dashboard in headless Chromium against a real Steward: real HTTP, real graphql-ws, real PostgreSQL. Changes
 * are made through the API as an integrator would, and the page must show them. Skipped where Chromium is not
 * installed, and failed there when {@code STEWARD_REQUIRE_BROWSER=true} (as in CI). Its context, the only one with
 * {@link ServerSockets}, is closed after the class, so that its connections do not stay open for the rest of the run.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ServerSockets.Configuration.class)
@DirtiesContext
class DashboardBrowserIntegrationTests {

	static final String UPSERT = """
			mutation($p: ID!, $v: String!, $c: JSON!) {
			  upsertPolicyVariant(input: {policyId: $p, variant: $v, policyVersion: 1, status: ACTIVE, content: $c}) {
			    variant { id }
			  }
			}""";

	static final String ACTIVATE = """
			mutation($w: ID!, $c: String, $p: ID!, $v: String!) {
			  activatePolicy(input: {worldId: $w, clientProfile: $c, policyId: $p, variant: $v}) {
			    event { activationEventId }
			  }
			}""";

	/** Where the screenshots go; docs/dashboard.png in the repository is a copy of the desktop one. */
	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	ServerSockets sockets;

	@TempDir
	Path profile;

	GraphQlHttp api;

	Callers callers;

	ChromeDriver browser;

	DashboardScreen screen;

	@BeforeEach
	void startBrowser() {
		Chromium.assumeInstalled(true);
		api = new GraphQlHttp(port);
		callers = Callers.issuedBy(tokens);
		browser = Chromium.start(profile);
		screen = new DashboardScreen(browser, port);
	}

	@AfterEach
	void stopBrowser() {
		if (browser != null) {
			browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).forEach(System.out::println);
			System.out.println("PAGE TEXT\n" + browser.findElement(By.tagName("body")).getText());
			browser.quit();
		}
	}

	@Test
	void signsInWithAPastedTokenKeptForTheBrowserSessionOnly() {
		screen.open();
		assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();

		screen.signIn("stw_not-a-token");
		WebElement error = screen.await(DashboardScreen.PATIENCE, driver -> {
			WebElement alert = driver.findElement(By.id("sign-in-error"));
			return alert.getText().isBlank() ? null : alert;
		});

		assertThat(error.getText()).contains("not accepted");
		assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isFalse();
		assertThat(screen.script("return sessionStorage.length")).isEqualTo(0L);

		screen.signIn(callers.author());
		screen.await(DashboardScreen.PATIENCE, driver -> "live".equals(screen.connectionState()));

		assertThat(browser.findElement(By.id("who")).getText()).startsWith("author-").endsWith("· author");
		assertThat(browser.findElement(By.id("dashboard")).isDisplayed()).isTrue();
		assertThat(browser.getCurrentUrl()).doesNotContain(callers.author());
		assertThat(screen.script("return sessionStorage.getItem('steward.dashboard.token')")).isEqualTo(callers.author());
		assertThat(screen.script("return localStorage.length")).isEqualTo(0L);

		browser.navigate().refresh();
		screen.await(DashboardScreen.PATIENCE, driver -> "live".equals(screen.connectionState()));

		assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("who")).getText()).endsWith("· author");

		browser.findElement(By.id("sign-out")).click();

		assertThat(browser.findElement(By.id("sign-in")).isDisplayed()).isTrue();
		assertThat(screen.script("return sessionStorage.length")).isEqualTo(0L);
		assertThat(screen.connectionState()).isEqualTo("offline");
	}

	@Test
	void showsAnActivationMadeThroughTheApiInTheTableAndTimelineWithinASecond() {
		String world = api.createWorld(callers.operator());
		String policy = prompt("greeting");
		variants(policy, "v1", "v2");
		long first = activate(world, policy, "v1");
		screen.signedInAs(callers.viewer()).showWorld(world);
		screen.await(DashboardScreen.PATIENCE, driver -> screen.timelineEvents().contains(first));
		int activityBefore = screen.activityTotal("policy");

		long second = activate(world, policy, "v2");
		long changed = System.nanoTime();
		screen.await(Duration.ofSeconds(1), driver -> {
			WebElement row = screen.activationRow(policy);
			return row != null && "v2".equals(row.getAttribute("data-variant"))
					&& screen.timelineEvents().contains(second);
		});
		Duration shownAfter = Duration.ofNanos(System.nanoTime() - changed);

		assertThat(shownAfter).isLessThan(Duration.ofSeconds(1));
		WebElement row = screen.activationRow(policy);
		assertThat(row.getAttribute("data-changed")).isEqualTo("true");
		assertThat(row.getText()).contains("changed").contains("world").contains(String.valueOf(second));
		assertThat(screen.timelineEvents()).containsExactly(second, first);
		assertThat(screen.timelineRows().get(0).getText()).contains("v1 → v2").contains("operator-");
		screen.await(DashboardScreen.PATIENCE, driver -> screen.activityTotal("policy") > activityBefore);
		screen.await(DashboardScreen.PATIENCE,
				driver -> driver.findElement(By.id("replay")).getText().contains("2 events"));
		assertThat(browser.findElement(By.id("replay")).getAttribute("data-consistent")).isEqualTo("true");
		assertThat(browser.findElement(By.id("replay")).getText()).contains("2 events replay to the 1 pointers");
	}

	@Test
	void showsAClientProfilesPointersOverTheWorldsAndFollowsBothLive() {
		String world = api.createWorld(callers.operator());
		String overridden = prompt("overridden");
		String inherited = prompt("inherited");
		variants(overridden, "v1", "v2", "v3");
		variants(inherited, "v1", "v2");
		activate(world, overridden, "v1");
		activate(world, inherited, "v1");
		long own = activateIn(world, "mobile", overridden, "v2");
		screen.signedInAs(callers.viewer()).showClientProfile(world, "mobile");
		screen.await(DashboardScreen.PATIENCE, driver -> screen.timelineEvents().contains(own));

		assertThat(screen.activationRow(overridden).getAttribute("data-variant")).isEqualTo("v2");
		assertThat(screen.activationRow(overridden).getText()).contains("client profile mobile");
		assertThat(screen.activationRow(inherited).getText()).contains("world");
		assertThat(screen.timelineEvents()).containsExactly(own);

		long worldChange = activate(world, inherited, "v2");
		activate(world, overridden, "v3");
		screen.await(DashboardScreen.PATIENCE, driver -> "v2".equals(screen.activationRow(inherited).getAttribute("data-variant")));
		screen.await(DashboardScreen.PATIENCE, driver -> screen.tailSequences("policy").contains(worldChange + 1));

		assertThat(screen.activationRow(inherited).getText()).contains(String.valueOf(worldChange));
		assertThat(screen.activationRow(overridden).getAttribute("data-variant")).isEqualTo("v2");
		assertThat(screen.timelineEvents()).containsExactly(own);
	}

	@Test
	void rollsBackAsOperatorAfterAConfirmationNamingTheChange() {
		String world = api.createWorld(callers.operator());
		String policy = prompt("farewell");
		variants(policy, "v1", "v2");
		long first = activate(world, policy, "v1");
		long second = activate(world, policy, "v2");
		screen.signedInAs(callers.operator()).showWorld(world);
		screen.await(DashboardScreen.PATIENCE, driver -> screen.timelineEvents().size() == 2);
		// read in one go and again if the live timeline re-rendered the rows meanwhile
		List<String> rollbackTargets = screen.await(DashboardScreen.PATIENCE,
				driver -> screen.rollbackButtons().stream().map(button -> button.getAttribute("data-rollback-to")).toList());
		assertThat(rollbackTargets).containsExactly(String.valueOf(first));

		screen.await(DashboardScreen.PATIENCE, driver -> {
			screen.rollbackButtons().get(0).sendKeys(Keys.ENTER);
			return true;
		});
		WebElement dialog = browser.findElement(By.id("confirm-rollback"));
		screen.await(DashboardScreen.PATIENCE, driver -> dialog.isDisplayed());
		String confirmation = browser.findElement(By.id("confirm-text")).getText();
		browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
		screen.await(DashboardScreen.PATIENCE, driver -> !dialog.isDisplayed());

		assertThat(confirmation).contains(policy).contains("from v2 to v1").contains("#" + first);
		assertThat(pointer(world, policy)).isEqualTo("v2");

		screen.await(DashboardScreen.PATIENCE, driver -> {
			screen.rollbackButtons().get(0).sendKeys(Keys.ENTER);
			return true;
		});
		screen.await(DashboardScreen.PATIENCE, driver -> dialog.isDisplayed());
		browser.findElement(By.id("confirm-ok")).click();
		screen.await(DashboardScreen.PATIENCE, driver -> screen.timelineEvents().size() == 3);

		assertThat(pointer(world, policy)).isEqualTo("v1");
		screen.await(DashboardScreen.PATIENCE, driver -> "v1".equals(screen.activationRow(policy).getAttribute("data-variant")));
		List<String> newest = screen.await(DashboardScreen.PATIENCE, driver -> {
			WebElement row = screen.timelineRows().get(0);
			return List.of(String.valueOf(row.getAttribute("data-rollback-of")), row.getText());
		});
		assertThat(newest.get(0)).isEqualTo(String.valueOf(first));
		assertThat(newest.get(1)).contains("v2 → v1").contains("rollback of #" + first).contains("operator-");
		List<Long> events = screen.await(DashboardScreen.PATIENCE, driver -> screen.timelineEvents());
		assertThat(events).element(1).isEqualTo(second);
	}

	@Test
	void showsAViewerNoRollbackButtonWhereAnOperatorHasOne() {
		String world = api.createWorld(callers.operator());
		String policy = prompt("idle");
		variants(policy, "v1", "v2");
		activate(world, policy, "v1");
		activate(world, policy, "v2");
		screen.signedInAs(callers.operator()).showWorld(world);
		screen.await(DashboardScreen.PATIENCE, driver -> screen.timelineEvents().size() == 2);
		assertThat(screen.rollbackButtons()).hasSize(1);
		browser.findElement(By.id("sign-out")).click();

		screen.signIn(callers.viewer());
		screen.await(DashboardScreen.PATIENCE, driver -> "live".equals(screen.connectionState()));
		screen.showWorld(world);
		screen.await(DashboardScreen.PATIENCE, driver -> screen.timelineEvents().size() == 2);

		assertThat(browser.findElement(By.id("who")).getText()).endsWith("· viewer");
		assertThat(screen.rollbackButtons()).isEmpty();
		assertThat(browser.findElements(By.cssSelector("#timeline-table button"))).isEmpty();
	}

	@Test
	void reconnectsAfterTheServerDropsTheSocketAndMissesNothing() {
		String world = api.createWorld(callers.operator());
		String policy = prompt("weather");
		variants(policy, "v1", "v2", "v3");
		long first = activate(world, policy, "v1");
		screen.signedInAs(callers.viewer()).showWorld(world);
		screen.await(DashboardScreen.PATIENCE, driver -> screen.timelineEvents().contains(first));
		int openedBefore = sockets.opened();

		assertThat(sockets.closeAll()).isPositive();
		screen.await(DashboardScreen.PATIENCE, driver -> !"live".equals(screen.connectionState()));
		List<Long> whileAway = List.of(activate(world, policy, "v2"), activate(world, policy, "v3"),
				activate(world, policy, "v1"));
		screen.await(DashboardScreen.PATIENCE, driver -> "live".equals(screen.connectionState()));
		screen.await(DashboardScreen.PATIENCE, driver -> screen.timelineEvents().size() >= 4);

		assertThat(screen.reconnects()).isEqualTo(1);
		assertThat(sockets.opened()).isGreaterThan(openedBefore);
		assertThat(screen.timelineEvents()).containsExactly(whileAway.get(2), whileAway.get(1), whileAway.get(0), first);
		assertThat(screen.activationRow(policy).getAttribute("data-variant")).isEqualTo("v1");
		assertThat(screen.activationRow(policy).getText()).contains(String.valueOf(whileAway.get(2)));
		List<Long> tail = screen.tailSequences("policy");
		assertThat(tail).contains(whileAway.get(0), whileAway.get(1), whileAway.get(2));
		for (int i = 1; i < tail.size(); i++) {
			assertThat(tail.get(i)).as("the tail row after #%d", tail.get(i - 1)).isEqualTo(tail.get(i - 1) - 1);
		}
	}

	@Test
	void filtersPausesAndOpensThePayloadsOfAnEventTail() {
		String world = api.createWorld(callers.operator());
		String policy = prompt("rumour");
		variants(policy, "v1", "v2");
		activate(world, policy, "v1");
		screen.signedInAs(callers.viewer());
		WebElement tail = screen.tail("policy");
		screen.await(DashboardScreen.PATIENCE, driver -> screen.tailSequences("policy").size() >= 4);

		tail.findElement(By.cssSelector(".tail-filter")).sendKeys("activated");

		List<WebElement> rows = tail.findElements(By.cssSelector("tbody tr[data-type]"));
		assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getAttribute("data-type")).contains("activated"));

		WebElement pause = tail.findElement(By.cssSelector(".tail-pause"));
		pause.click();
		long held = activate(world, policy, "v2");
		screen.await(DashboardScreen.PATIENCE, driver -> tail.findElement(By.cssSelector(".tail-state")).getText().contains("1 new event held"));

		assertThat(screen.tailSequences("policy")).doesNotContain(held);
		assertThat(pause.getAttribute("aria-pressed")).isEqualTo("true");

		pause.click();

		assertThat(screen.tailSequences("policy")).first().isEqualTo(held);

		tail.findElement(By.cssSelector("tr[data-sequence='" + held + "'] .show-payload")).click();

		WebElement payload = tail.findElement(By.cssSelector(".payload"));
		assertThat(payload.isDisplayed()).isTrue();
		assertThat(payload.getText()).contains("Payload of #" + held).contains("\"v2\"").contains(world);
	}

	@Test
	void looksRightAtDesktopAndPhoneWidthAndTakesTheReadmeScreenshot() throws Exception {
		callers = new Callers(tokens.issue("dana", Role.VIEWER, "test").secret(),
				tokens.issue("release-bot", Role.AUTHOR, "test").secret(), tokens.issue("alice", Role.OPERATOR, "test").secret());
		String world = "pipeworks_web";
		api.post(callers.operator(), "mutation { createWorld(input: {id: \"pipeworks_web\", name: \"Pipeworks\"}) { world { id } } }");
		String greeting = "prompt:npc.dialogue:greeting";
		String tone = "tone_profile:npc.voice:gruff";
		variants(greeting, "v1", "v2", "v3");
		upsert(tone, "calm", Map.of("prompt_block", "Speaks calmly."));
		upsert(tone, "gruff", Map.of("prompt_block", "Speaks gruffly."));
		activate(world, greeting, "v1");
		activate(world, tone, "calm");
		activate(world, greeting, "v2");
		activate(world, greeting, "v3");
		activate(world, tone, "gruff");
		activateIn(world, "mobile", greeting, "v1");
		screen.viewport(1280, 800);
		screen.signedInAs(callers.operator()).showWorld(world);
		screen.await(DashboardScreen.PATIENCE, driver -> screen.timelineEvents().size() == 5);
		api.post(callers.operator(), "mutation($id: Long!) { rollbackActivation(input: {activationEventId: $id}) { event { id } } }",
				Map.of("id", screen.timelineEvents().get(3)));
		screen.await(DashboardScreen.PATIENCE, driver -> screen.timelineEvents().size() == 6);
		screen.await(DashboardScreen.PATIENCE, driver -> driver.findElement(By.id("replay")).getText().contains("6 events"));
		assertThat(screen.activityTotal("policy")).isGreaterThanOrEqualTo(6);

		screen.script("window.scrollTo(0, 0)");
		byte[] desktop = browser.getScreenshotAs(OutputType.BYTES);

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(desktop));
		assertThat(image.getWidth()).isEqualTo(1280);
		assertThat(image.getHeight()).isEqualTo(800);
		assertThat(pageOverflow()).isLessThanOrEqualTo(0L);
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve("dashboard.png"), desktop);

		screen.viewport(390, 844);
		screen.await(DashboardScreen.PATIENCE, driver -> pageOverflow() <= 0L);

		for (String panel : List.of("worlds", "timeline", "tails", "activity")) {
			WebElement section = browser.findElement(By.id(panel));
			assertThat(section.isDisplayed()).as(panel).isTrue();
			assertThat(section.getRect().getWidth()).as(panel).isLessThanOrEqualTo(390);
		}
		Files.write(SCREENSHOTS.resolve("dashboard-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
	}

	private long pageOverflow() {
		return (Long) screen.script("return document.documentElement.scrollWidth - window.innerWidth");
	}

	private String pointer(String world, String policy) {
		GraphQlHttp.Response response = api.post(callers.viewer(),
				"query($w: ID!) { activations(worldId: $w, effective: true) { policyId variant } }", Map.of("w", world));
		List<String> variants = new ArrayList<>();
		response.data().path("activations").forEach(activation -> {
			if (policy.equals(activation.path("policyId").asString())) {
				variants.add(activation.path("variant").asString());
			}
		});
		assertThat(variants).hasSize(1);
		return variants.get(0);
	}

	private static String prompt(String name) {
		return "prompt:npc.dialogue:" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private void variants(String policy, String... variants) {
		for (String variant : variants) {
			upsert(policy, variant, Map.of("text", "Text of " + variant));
		}
	}

	private void upsert(String policy, String variant, Map<String, Object> content) {
		GraphQlHttp.Response response = api.post(callers.author(), UPSERT,
				Map.of("p", policy, "v", variant, "c", content));
		assertThat(response.hasErrors()).as(response.body()).isFalse();
	}

	private long activate(String world, String policy, String variant) {
		return activateIn(world, "", policy, variant);
	}

	private long activateIn(String world, String clientProfile, String policy, String variant) {
		GraphQlHttp.Response response = api.post(callers.operator(), ACTIVATE,
				Map.of("w", world, "c", clientProfile, "p", policy, "v", variant));
		assertThat(response.hasErrors()).as(response.body()).isFalse();
		return response.data().path("activatePolicy").path("event").path("activationEventId").asLong();
	}
}
