@NullMarked
package io.gdsvault.sim.push;

import org.jspecify.annotations.NullMarked;
