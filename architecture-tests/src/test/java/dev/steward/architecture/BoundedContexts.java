package dev.steward.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jmolecules.ddd.annotation.BoundedContext;

/**
 * The bounded contexts of a root package, as their package-infos declare them: each package {@code <root>.<name>}
 * whose package-info carries {@code @BoundedContext}. The shared kernel and the app are the only other top-level
 * packages a root may have.
 */
final class BoundedContexts {

	/** Top-level packages that are not contexts: the shared kernel and the app that assembles the contexts. */
	static final Set<String> NOT_CONTEXTS = Set.of("kernel", "app");

	private BoundedContexts() {}

	/** The names of the declared contexts, in order. */
	static List<String> in(JavaClasses classes, String root) {
		Set<String> contexts = new TreeSet<>();
		for (JavaClass type : classes) {
			if (isTopLevelPackageInfo(type, root) && declaration(type).isPresent()) {
				topLevelPackage(type, root).ifPresent(contexts::add);
			}
		}
		return List.copyOf(contexts);
	}

	/** The name of the top-level package under root the class sits in, if it sits in one. */
	static Optional<String> topLevelPackage(JavaClass type, String root) {
		String name = type.getPackageName();
		if (!name.startsWith(root + ".")) {
			return Optional.empty();
		}
		String rest = name.substring(root.length() + 1);
		int dot = rest.indexOf('.');
		return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
	}

	/** Whether the class is the package-info of a top-level package: {@code <root>.<name>.package-info}. */
	static boolean isTopLevelPackageInfo(JavaClass type, String root) {
		return type.getSimpleName().equals("package-info")
				&& topLevelPackage(type, root).map(name -> type.getPackageName().equals(root + "." + name)).orElse(false);
	}

	/** The {@code @BoundedContext} a package-info declares. */
	static Optional<BoundedContext> declaration(JavaClass type) {
		if (!type.getSimpleName().equals("package-info") || !type.isAnnotatedWith(BoundedContext.class)) {
			return Optional.empty();
		}
		return Optional.of(type.getAnnotationOfType(BoundedContext.class));
	}
}
