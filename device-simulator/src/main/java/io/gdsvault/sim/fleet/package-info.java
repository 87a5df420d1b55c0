@NullMarked
package io.gdsvault.sim.fleet;

import org.jspecify.annotations.NullMarked;
