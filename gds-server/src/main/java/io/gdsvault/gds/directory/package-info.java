@NullMarked
package io.gdsvault.gds.directory;

import org.jspecify.annotations.NullMarked;
