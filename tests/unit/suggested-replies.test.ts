import { describe, expect, it } from 'vitest';
import { suggestedRepliesOf } from '@/components/conversation/suggested-replies';

describe('suggested replies typed by the rep', () => {
  it('split on Latin commas, as before', () => {
    expect(suggestedRepliesOf('Yes, No , ,Talk to someone').map((action) => action.title)).toEqual(['Yes', 'No', 'Talk to someone']);
    expect(suggestedRepliesOf('Yes')[0]).toEqual({ type: 'imBack', title: 'Yes', value: 'Yes' });
  });

  it('split on the commas a Chinese keyboard writes', () => {
    expect(suggestedRepliesOf('是，否、转人工').map((action) => action.title)).toEqual(['是', '否', '转人工']);
  });

  it('keep ten at the most, and none for an empty field', () => {
    expect(suggestedRepliesOf('1,2,3,4,5,6,7,8,9,10,11')).toHaveLength(10);
    expect(suggestedRepliesOf(' , ')).toEqual([]);
  });
});
