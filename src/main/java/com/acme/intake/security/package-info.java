/**
 * Who is calling: roles (also the engine's candidate groups), the identity store (demo users only
 * on the embedded default, the app_user table otherwise), HTTP Basic for
 * the API and form login with a session for the browser UI.
 */
package com.acme.intake.security;
