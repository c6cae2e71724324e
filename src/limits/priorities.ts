/**
 * The starvation rule: while calls of a higher priority keep a limiter busy, every
 * `LOW_PRIORITY_SHARE`-th grant goes to the oldest call of the lowest priority waiting (so a
 * batch under a full stream of direct calls still gets 1 slot in 5).
 * @public
 */
export const LOW_PRIORITY_SHARE = 5;

/**
 * The priority of `zim.batch` chunks and `zim.paginate` pages unless their options say otherwise:
 * below a plain call's 0, so a whole job yields to direct calls (and keeps its share).
 * @public
 */
export const JOB_PRIORITY = -1;
