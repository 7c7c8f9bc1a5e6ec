/** "Now", injected: the app uses the real clock, tests pass a fixed one. */
import { createContext, useContext, type ReactNode } from 'react';

export type Clock = () => Date;
const systemClock: Clock = () => new Date();
const ClockContext = createContext<Clock>(systemClock);

export function ClockProvider({ clock, children }: { clock: Clock; children: ReactNode }) {
  return <ClockContext.Provider value={clock}>{children}</ClockContext.Provider>;
}

export function useClock(): Clock {
  return useContext(ClockContext);
}
