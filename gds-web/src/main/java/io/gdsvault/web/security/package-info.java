/** Sessions, CSRF tokens, bearer tokens, login throttling and the security headers. */
@org.jspecify.annotations.NullMarked
package io.gdsvault.web.security;
