@NullMarked
package io.gdsvault.ca;

import org.jspecify.annotations.NullMarked;
