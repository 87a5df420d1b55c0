/** The server-rendered HTML pages of the console (no JavaScript framework). */
@org.jspecify.annotations.NullMarked
package io.gdsvault.web.pages;
