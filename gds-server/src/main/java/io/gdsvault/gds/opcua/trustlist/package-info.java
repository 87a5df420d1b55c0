@NullMarked
package io.gdsvault.gds.opcua.trustlist;

import org.jspecify.annotations.NullMarked;
