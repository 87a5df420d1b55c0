@NullMarked
package io.gdsvault.gds.cluster;

import org.jspecify.annotations.NullMarked;
