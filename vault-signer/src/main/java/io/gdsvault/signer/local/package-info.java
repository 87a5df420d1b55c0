@NullMarked
package io.gdsvault.signer.local;

import org.jspecify.annotations.NullMarked;
