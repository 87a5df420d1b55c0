@NullMarked
package io.gdsvault.gds.opcua.handlers;

import org.jspecify.annotations.NullMarked;
