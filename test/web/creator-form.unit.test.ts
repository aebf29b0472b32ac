import { ApiError } from '../../web/dashboard/src/api/api-error';
import {
  changedCreator,
  creatorFormProblems,
  creatorRefusal,
  creatorToForm,
  isErased,
  percentText,
  sameHandle,
} from '../../web/dashboard/src/creators/creator-form';

/** The creator panel's edit form (no DOM): engagement in per cent, PATCH bodies of changes only, the API's refusals as sentences by field. */
const creator = { id: '00000000-0000-4000-8000-000000000001', handle: 'ola.sews', followers: 12_000, engagementRate: 0.034, contactEmail: null };

describe('the form', () => {
  it('shows engagement as per cent with at most two decimals, and nothing as empty', () => {
    expect(creatorToForm(creator)).toEqual({ handle: 'ola.sews', followers: '12000', engagement: '3.4', contactEmail: '' });
    expect(percentText(0.07)).toBe('7');
    expect(percentText(0.123456)).toBe('12.35');
    expect(creatorToForm({ ...creator, engagementRate: null, contactEmail: 'ola@example.com' })).toMatchObject({
      engagement: '',
      contactEmail: 'ola@example.com',
    });
  });

  it('finds what cannot be sent: no handle, followers that are not a whole number, engagement outside 0–100', () => {
    const form = creatorToForm(creator);
    expect(creatorFormProblems(form)).toEqual({});
    expect(creatorFormProblems({ ...form, handle: ' @ ' })).toEqual({ handle: 'creatorEdit.needHandle' });
    expect(creatorFormProblems({ ...form, followers: '12.5' })).toEqual({ followers: 'creatorEdit.badFollowers' });
    expect(creatorFormProblems({ ...form, followers: '' })).toEqual({ followers: 'creatorEdit.badFollowers' });
    expect(creatorFormProblems({ ...form, engagement: '101' })).toEqual({ engagement: 'creatorEdit.badEngagement' });
    expect(creatorFormProblems({ ...form, engagement: 'a lot' })).toEqual({ engagement: 'creatorEdit.badEngagement' });
    expect(creatorFormProblems({ ...form, engagement: '3,4' })).toEqual({});
  });
});

describe('changes', () => {
  it('sends nothing when nothing changed, handles compared as platforms compare them', () => {
    expect(changedCreator(creator, creatorToForm(creator))).toEqual({});
    expect(changedCreator(creator, { ...creatorToForm(creator), handle: '@Ola.Sews', engagement: '3,40' })).toEqual({});
  });

  it('sends only what changed: per cent as a fraction, blanks as null', () => {
    const form = { handle: 'ola.sews.studio', followers: '15000', engagement: '', contactEmail: ' ola@example.com ' };
    expect(changedCreator(creator, form)).toEqual({ handle: 'ola.sews.studio', followers: 15_000, engagementRate: null, contactEmail: 'ola@example.com' });
    expect(changedCreator({ ...creator, engagementRate: null }, { ...creatorToForm(creator), engagement: '2.75' })).toEqual({ engagementRate: 0.0275 });
  });

  it('compares handles without "@", case or width', () => {
    expect(sameHandle('@ＯＬＡ.sews', 'ola.sews')).toBe(true);
    expect(sameHandle('ola.knits', 'ola.sews')).toBe(false);
  });
});

describe('refusals', () => {
  it('says a taken handle (409) at the handle', () => {
    expect(creatorRefusal(new ApiError(409, 'creator_exists', 'instagram creator ola already exists'))).toEqual({ handle: 'creatorEdit.handleTaken' });
  });

  it('says each field the API judged wrong (422) in its own sentence, not the validator’s words', () => {
    const error = new ApiError(422, 'invalid_contact_email', 'contactEmail: An e-mail address like anna@example.com', {
      issues: [
        { field: 'contactEmail', message: 'An e-mail address like anna@example.com' },
        { field: 'engagementRate', message: 'Too big' },
      ],
    });
    expect(creatorRefusal(error)).toEqual({ contactEmail: 'creatorEdit.badEmail', engagement: 'creatorEdit.badEngagement' });
    expect(creatorRefusal(new ApiError(422, 'invalid_handle', 'handle: A handle has no spaces'))).toEqual({ handle: 'creatorEdit.badHandle' });
  });

  it('leaves anything else to the caller', () => {
    expect(creatorRefusal(new ApiError(403, 'forbidden_role', 'no'))).toBeNull();
    expect(creatorRefusal(new ApiError(422, 'invalid_input', 'Give at least one field to change'))).toBeNull();
    expect(creatorRefusal(new Error('boom'))).toBeNull();
  });
});

it('knows an erased creator by their pseudonym', () => {
  expect(isErased({ id: creator.id, handle: `erased-${creator.id}` })).toBe(true);
  expect(isErased(creator)).toBe(false);
});
