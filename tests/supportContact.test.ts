// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { supportContact } from '../scripts/widgetArchive';

const pkg = (url: unknown, email: unknown) => ({ name: 'task-guard', bugs: { url, email } });

describe('supportContact (the one place the support contact is set: package.json bugs)', () => {
  it('gives the link and e-mail the build writes into widget.support', () => {
    expect(supportContact(pkg('https://taskguard.app/support', 'support@taskguard.app'))).toEqual({
      link: 'https://taskguard.app/support',
      email: 'support@taskguard.app',
    });
  });

  it.each([
    ['https://support.task-guard.example/', 'help@taskguard.app', /reserved placeholder/],
    ['https://taskguard.invalid/help', 'help@taskguard.app', /reserved placeholder/],
    ['https://example.com/support', 'help@taskguard.app', /reserved placeholder/],
    ['https://help.example.org', 'help@taskguard.app', /reserved placeholder/],
    ['https://localhost/support', 'help@taskguard.app', /reserved placeholder/],
    ['https://taskguard.app/support', 'support@task-guard.example', /reserved placeholder/],
    ['https://taskguard.app/support', 'support@qa.test', /reserved placeholder/],
    ['http://taskguard.app/support', 'support@taskguard.app', /https/],
    ['taskguard.app/support', 'support@taskguard.app', /not a URL/],
    ['https://taskguard.app/support', 'support', /not an e-mail/],
  ])('refuses %s with %s', (url, email, message) => {
    expect(() => supportContact(pkg(url, email))).toThrow(message);
  });

  it('refuses a package.json without bugs.url and bugs.email', () => {
    expect(() => supportContact({ name: 'task-guard' })).toThrow(/"bugs"/);
    expect(() => supportContact({ bugs: { url: 'https://taskguard.app/support' } })).toThrow(/"bugs"/);
  });
});
