import { useMediaQuery } from '@mantine/hooks';

/** Whether the screen matches a media query, right from the first render (no flash of the
 *  other layout): a phone's list of cards, the report screen's side panel. */
export function useScreen(query: string): boolean {
  return useMediaQuery(query, window.matchMedia(query).matches, {
    getInitialValueInEffect: false,
  });
}
