@NullMarked
package io.gdsvault.gds.certificates;

import org.jspecify.annotations.NullMarked;
