@NullMarked
package io.gdsvault.gds.cli;

import org.jspecify.annotations.NullMarked;
