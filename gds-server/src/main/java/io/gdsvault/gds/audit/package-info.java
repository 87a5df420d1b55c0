@NullMarked
package io.gdsvault.gds.audit;

import org.jspecify.annotations.NullMarked;
