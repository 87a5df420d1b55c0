@NullMarked
package io.gdsvault.signer.azure;

import org.jspecify.annotations.NullMarked;
