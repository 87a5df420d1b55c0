@NullMarked
package io.gdsvault.gds.model;

import org.jspecify.annotations.NullMarked;
