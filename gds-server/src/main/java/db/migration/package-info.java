@NullMarked
package db.migration;

import org.jspecify.annotations.NullMarked;
