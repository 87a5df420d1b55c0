@NullMarked
package io.gdsvault.gds.config;

import org.jspecify.annotations.NullMarked;
