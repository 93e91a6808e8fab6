/**
 * The state gateway instances share: used statement and request ids (replay) and which software
 * registered each client (management ownership). In memory for one instance; in Redis for several
 * behind a load balancer, where a replay or a takeover attempt must be caught whichever instance
 * it lands on. Redis unreachable means "cannot vouch": requests that need it get 503, never a
 * guess.
 */
package io.dcrgateway.state;
