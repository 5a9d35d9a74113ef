import type { Principal } from '../access/Principal';

/** The Hono context variables of Accord's routes: who the request acts as, set by `requireMember`. */
export interface AccordEnv {
  Variables: { principal: Principal };
}
