import { annotation, diagnosticAnnotation, escapeData, escapeProperty } from '../../../generator/cli/githubAnnotations';

describe('GitHub Actions annotations', () => {
  it('escapes %, CR and LF in messages, and : and , in properties too', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('spec/a,b:c%.yaml\n')).toBe('spec/a%2Cb%3Ac%25.yaml%0A');
  });

  it('cannot be ended early or followed by another command by hostile text', () => {
    const line = annotation('error', { file: 'x.yaml,line=1', title: 'T::' }, 'bad\n::error::injected');
    expect(line).toBe('::error file=x.yaml%2Cline=1,title=T%3A%3A::bad%0A::error::injected');
    expect(line.split('\n')).toHaveLength(1);
  });

  it('leaves out properties that are not known', () => {
    expect(annotation('warning', { file: undefined, line: 3 }, 'm')).toBe('::warning line=3::m');
    expect(annotation('notice', {}, 'm')).toBe('::notice::m');
  });

  it('turns a diagnostic into one annotation titled by its code, with pointer and hint', () => {
    expect(
      diagnosticAnnotation({
        code: 'SDK2001',
        severity: 'error',
        message: 'The reference "#/x" is broken: it points to nothing.',
        hint: 'Fix the pointer.',
        file: 'spec/openapi.yaml',
        pointer: '/paths/~1a/get',
        position: { line: 12, column: 7 },
      }),
    ).toBe(
      '::error file=spec/openapi.yaml,line=12,col=7,title=SDK2001::The reference "#/x" is broken: it points to nothing. (at #/paths/~1a/get)%0Ahint: Fix the pointer.',
    );
  });
});
