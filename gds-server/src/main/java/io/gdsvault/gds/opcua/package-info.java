@NullMarked
package io.gdsvault.gds.opcua;

import org.jspecify.annotations.NullMarked;
