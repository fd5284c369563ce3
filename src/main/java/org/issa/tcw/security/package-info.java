/** Who is signed in: local demo login, (later) Keycloak OIDC, CurrentUser and global roles. */
@NullMarked
package org.issa.tcw.security;

import org.jspecify.annotations.NullMarked;
