/** Opens the issuer-key backend that a settings record names: the one place that knows them all. */
@NullMarked
package io.gdsvault.signer.backends;

import org.jspecify.annotations.NullMarked;
