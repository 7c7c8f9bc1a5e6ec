import { PostcodeOption } from './PostcodeOption';
import { TextOptions } from './TextOptions';

/** The options the seed page offers at the top of every page, in one labelled region. */
export function OptionsBar() {
  return (
    <section className="options" aria-labelledby="options-heading">
      <div className="container options__inner">
        <h2 className="visually-hidden" id="options-heading">
          Accessibility options
        </h2>
        <div className="options__text">
          <TextOptions />
        </div>
        <PostcodeOption />
      </div>
    </section>
  );
}
