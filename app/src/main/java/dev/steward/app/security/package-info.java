/**
 * Who may do what: bearer tokens (API tokens Steward issues, or JWTs from an OIDC issuer), the four roles, and
 * the principal that every GraphQL operation runs as.
 */
@NullMarked
package dev.steward.app.security;

import org.jspecify.annotations.NullMarked;
