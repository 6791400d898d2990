import { useState } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../components/page.ts';
import { useMe } from '../session.tsx';
import { languageLinks } from './navigation.ts';
import { TextAreaWithAssistant } from './TextAreaWithAssistant.tsx';

/**
 * A place to check wording written outside Lantern (an email, a report, a letter) before it goes
 * anywhere. Nothing typed here is saved.
 */
export function CheckWording() {
  const links = languageLinks(useMe());
  const [text, setText] = useState('');
  usePageTitle('Check your wording');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Check your wording</h1>
        <p className="govuk-body">
          Words written in a hurry travel: into referrals, police files and court reports, and one day the
          child may read them. Lantern checks what you write for language that blames a child, minimises abuse
          or treats a child as an adult, and suggests words that keep the concern clear.
        </p>
        <p className="govuk-body">
          Every text box in Lantern does this as you type. Use this page for something you are writing
          elsewhere.
        </p>
        <TextAreaWithAssistant
          name="text"
          label="Your text"
          labelClassName="govuk-label--m"
          hint="Nothing you type here is saved. Lantern counts which phrases were found, by team and week, for training — never by person."
          rows={8}
          field="language.check"
          value={text}
          onChange={setText}
        />
        {links.length > 0 && (
          <aside className="lantern-related" aria-labelledby="language-related">
            <h2 className="govuk-heading-s" id="language-related">
              For the partnership
            </h2>
            <ul className="govuk-list">
              {links.map((link) => (
                <li key={link.to}>
                  <Link className="govuk-link" to={link.to}>
                    {link.text}
                  </Link>
                </li>
              ))}
            </ul>
          </aside>
        )}
      </div>
    </div>
  );
}
