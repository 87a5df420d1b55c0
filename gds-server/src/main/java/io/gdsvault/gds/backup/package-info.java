@NullMarked
package io.gdsvault.gds.backup;

import org.jspecify.annotations.NullMarked;
