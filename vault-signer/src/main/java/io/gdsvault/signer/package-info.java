@NullMarked
package io.gdsvault.signer;

import org.jspecify.annotations.NullMarked;
