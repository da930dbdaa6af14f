export const threadPath = (id: string, slug: string) => `/t/${id}/${slug}`;
export const postPath = (threadId: string, slug: string, postId: string) => `/t/${threadId}/${slug}?post=${postId}#post-${postId}`;
export const askPath = (productSlug: string) => `/p/${productSlug}/ask`;
export const memberPath = (userId: string) => `/members/${userId}`;
