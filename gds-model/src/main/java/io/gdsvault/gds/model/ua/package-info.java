@NullMarked
package io.gdsvault.gds.model.ua;

import org.jspecify.annotations.NullMarked;
