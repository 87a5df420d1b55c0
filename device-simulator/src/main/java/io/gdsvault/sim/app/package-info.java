@NullMarked
package io.gdsvault.sim.app;

import org.jspecify.annotations.NullMarked;
