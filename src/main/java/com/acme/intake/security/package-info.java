/**
 * Who is calling: roles (also the engine's candidate groups), the identity store (demo users only
 * in demo mode, the app_user table otherwise), HTTP Basic for the API and form login with a session
 * for the browser UI; sessions checked against the directory as often as Basic credentials, failed
 * logins throttled per user name and address.
 */
package com.acme.intake.security;
