@NullMarked
package io.gdsvault.gds.opcua.server;

import org.jspecify.annotations.NullMarked;
