package dev.steward.app.security;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;

/**
 * The part of {@link SecurityConfiguration} a GraphQL slice needs: method security with the app's role hierarchy
 * and {@link RequiresRole} templates, and the slice's callers. The HTTP filter chain and the token store stay out.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableMethodSecurity
public class GraphQlSliceSecurity {

	@Bean
	static RoleHierarchy roleHierarchy() {
		return SecurityConfiguration.roleHierarchy();
	}

	@Bean
	static AnnotationTemplateExpressionDefaults annotationTemplateExpressionDefaults() {
		return SecurityConfiguration.annotationTemplateExpressionDefaults();
	}

	@Bean
	SliceCallers sliceCallers(ExecutionGraphQlService service) {
		return new SliceCallers(service);
	}
}
