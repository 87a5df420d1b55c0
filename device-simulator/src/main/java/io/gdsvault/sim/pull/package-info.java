@NullMarked
package io.gdsvault.sim.pull;

import org.jspecify.annotations.NullMarked;
