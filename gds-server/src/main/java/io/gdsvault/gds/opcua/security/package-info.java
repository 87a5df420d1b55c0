@NullMarked
package io.gdsvault.gds.opcua.security;

import org.jspecify.annotations.NullMarked;
