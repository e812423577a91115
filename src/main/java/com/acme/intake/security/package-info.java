/**
 * Who is calling: roles (also the engine's candidate groups), the identity store (demo users only
 * on the embedded default, the app_user table otherwise) and HTTP Basic for the API.
 */
package com.acme.intake.security;
