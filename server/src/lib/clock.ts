/** Injected time source: domain code never reads the wall clock directly. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock tests can move by hand. */
export function fixedClock(start: Date | string): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let now = new Date(start).getTime();
  const clock = (() => new Date(now)) as Clock & { set(d: Date | string): void; advance(ms: number): void };
  clock.set = (d) => {
    now = new Date(d).getTime();
  };
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}
