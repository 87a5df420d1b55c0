@NullMarked
package io.gdsvault.gds.app;

import org.jspecify.annotations.NullMarked;
