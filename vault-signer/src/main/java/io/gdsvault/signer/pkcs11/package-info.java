@NullMarked
package io.gdsvault.signer.pkcs11;

import org.jspecify.annotations.NullMarked;
