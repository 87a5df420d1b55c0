@NullMarked
package io.gdsvault.gds.auth;

import org.jspecify.annotations.NullMarked;
