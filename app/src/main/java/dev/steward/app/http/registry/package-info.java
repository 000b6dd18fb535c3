/** The registry's bytes over plain HTTP: file uploads and downloads, and manifests. */
@NullMarked
package dev.steward.app.http.registry;

import org.jspecify.annotations.NullMarked;
