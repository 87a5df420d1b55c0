@NullMarked
package io.gdsvault.gds.opcua.audit;

import org.jspecify.annotations.NullMarked;
