@NullMarked
package io.gdsvault.gds.opcua.push;

import org.jspecify.annotations.NullMarked;
