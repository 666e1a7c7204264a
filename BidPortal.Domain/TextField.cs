namespace BidPortal.Domain;

/// <summary>A text field named in a length message; its name in each language is in the catalog ("TextField.Place").</summary>
public enum TextField
{
    Title, TitleEn, TargetTrainees, Place, Objectives, Comment, File, Name, NameEn, Code, Email, Phone, Note, CalledBy,
    Question, Answer, Description, Reason,
    OnSiteTeaching, PriceIncludes, Submission,
}
